"""The README documents every command, and the configuration it shows is valid."""

from __future__ import annotations

import re
import tomllib

from clusterwatch.cli.main import cli
from clusterwatch.config import config_from_dict

from .helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    documented = set(re.findall(r"`clusterwatch ([a-z-]+)", README))
    assert set(cli.commands) <= documented, set(cli.commands) - documented


def test_every_command_and_option_has_help():
    for name, command in cli.commands.items():
        assert command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.name}"


def test_readme_has_exactly_two_setup_commands():
    block = README.split("## On a fresh machine", 1)[1].split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]


def test_the_readme_source_example_is_a_valid_configuration(tmp_path):
    example = re.search(r"```toml\n(.*?)```", README, re.S).group(1)
    config = config_from_dict(tomllib.loads(example), tmp_path / "clusterwatch.toml")
    assert config.sources[0].spider == "generic"
