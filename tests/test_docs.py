"""Documentation stays true: every command is documented, every documented file exists."""

import re

from typer.main import get_command

from newsgraph.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    group = get_command(app)
    for name, command in group.commands.items():
        yield name
        for sub in getattr(command, "commands", {}):
            yield f"{name} {sub}"


def test_every_command_has_an_example_in_the_readme():
    missing = [name for name in _commands() if f"newsgraph {name}" not in README]
    assert not missing, f"commands without an example in README.md: {missing}"


def test_readme_opens_with_the_two_commands():
    head = README[:400]
    assert "make demo" in head and "make test" in head


def test_every_linked_doc_exists():
    links = re.findall(r"\]\(((?:docs/)?[\w./-]+\.md)\)", README)
    missing = [link for link in links if not (ROOT / link).exists()]
    assert links and not missing, f"README links to missing files: {missing}"


def test_every_command_has_help():
    group = get_command(app)
    for name, command in group.commands.items():
        assert (command.help or "").strip(), f"newsgraph {name} has no help text"
