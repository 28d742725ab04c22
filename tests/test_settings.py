"""Config file validation: clear one-line messages for every kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsx.core.settings import Settings, SettingsError, config_path, load_settings


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_defaults():
    assert load_settings() == Settings()


def test_valid_file_sets_every_field(tmp_path):
    write_config(
        f"""
model = "my_model"
theme = "newsx-ansi"
cache_dir = "{tmp_path / 'c'}"
max_file_mb = 5
mouse = false
highlight = false
highlight_types = ["person", "ORG"]
[keymap]
"nav.down" = "j, ctrl+n"
"""
    )
    s = load_settings()
    assert s.model == "my_model" and s.theme == "newsx-ansi"
    assert s.cache_dir == tmp_path / "c" and s.max_file_mb == 5
    assert s.mouse is False and s.highlight is False
    assert s.highlight_types == ("PERSON", "ORG")
    assert s.keymap == {"nav.down": "j,ctrl+n"}


def test_newsx_table_is_accepted():
    write_config('[newsx]\ntheme = "newsx-light"\n')
    assert load_settings().theme == "newsx-light"


@pytest.mark.parametrize(
    "text,needle",
    [
        ('them = "x"\n', "unknown setting 'them' (did you mean 'theme'?)"),
        ('colour = "x"\n', "unknown setting 'colour' (known: model, theme"),
        ('mouse = "no"\n', "setting 'mouse' must be true or false, not a string"),
        ("max_file_mb = true\n", "setting 'max_file_mb' must be a number, not a boolean"),
        ("max_file_mb = -1\n", "max_file_mb must be positive"),
        ('highlight_types = "PERSON"\n', "highlight_types' must be a list of strings"),
        ("highlight_types = [1]\n", "highlight_types must hold entity type names"),
        ('keymap = "j"\n', "keymap' must be a table"),
        ('[keymap]\n"nav.down" = 3\n', "keymap.nav.down must be a string of keys"),
        ('theme = ""\n', "setting 'theme' must not be empty"),
        ("n_process = -2\n", "n_process must be 0 (automatic) or more"),
        ("batch_size = 0\n", "batch_size must be 1 or more"),
        ('theme = "x\n', "invalid TOML"),
    ],
)
def test_mistakes_give_one_line_naming_the_file(text, needle):
    path = write_config(text)
    with pytest.raises(SettingsError) as info:
        load_settings()
    message = str(info.value)
    assert needle in message
    assert message.startswith(str(path))
    assert "\n" not in message


def test_cli_reports_bad_config_without_traceback(capsys):
    from newsx.cli import main

    write_config("mouse = 3\n")
    assert main(["articles", "--json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "setting 'mouse' must be true or false" in err
    assert "Traceback" not in err
