"""A theme and a remapped key set in the config file apply in the real app (as a user would check)."""

from __future__ import annotations

from newsx.core.settings import config_path, load_settings


async def test_config_theme_and_keymap_apply_in_newsx(seed_loaded):
    from newsx.tui.app import NewsxApp
    from newsx.tui.screens.read import ReadScreen

    (highlight_id,) = [b.id for b in ReadScreen.BINDINGS if b.action == "toggle_highlight"]
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'theme = "newsx-high-contrast"\nmouse = false\n[keymap]\n"{highlight_id}" = "H"\n', encoding="utf-8")
    settings = load_settings()
    app = NewsxApp(settings=settings, loaded=seed_loaded, build=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "newsx-high-contrast"
        screen = app.screen
        assert isinstance(screen, ReadScreen)
        before = screen.highlighting
        await pilot.press("h")  # the old key no longer toggles
        assert screen.highlighting == before
        await pilot.press("H")
        assert screen.highlighting != before
        messages = [n.message for n in app._notifications]
    assert not [m for m in messages if "keymap" in m or "theme" in m]


async def test_bad_theme_name_in_config_gives_a_notice_not_a_crash(seed_loaded):
    from newsx.tui.app import NewsxApp

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('theme = "solarised-ish"\n', encoding="utf-8")
    app = NewsxApp(settings=load_settings(), loaded=seed_loaded, build=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "newsx-dark"
        assert any("unknown theme 'solarised-ish'" in n.message for n in app._notifications)
