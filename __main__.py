from newsx.cli import main

raise SystemExit(main())
