"""The `solve` command: a table of plain typed functions, each one subcommand.

Arguments come from each function's signature: parameters without a default are positional, the others are
`--options` (underscores become dashes), `bool` options are flags, `list[...]` takes several values and `Literal`
gives choices. The first docstring line is the help. `solve PROBLEM.json ...` without a subcommand runs the
solver pipeline. Expected failures (bad problem files, missing compilers, no sandbox) print one line and exit 2;
Ctrl-C and SIGTERM end a command cleanly (sandboxes stopped, temporary files removed) and exit 130.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import sys
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Literal

# Each command's module is imported only when that command runs, so `solve judge` does not pay for torch.
COMMANDS: dict[str, str] = {
    "solve": "solver.pipeline.commands:solve_command",
    "batch": "solver.pipeline.batch:batch_command",
    "evaluate": "solver.evaluation.report:evaluate_command",
    "ablate": "solver.evaluation.ablate:ablate_command",
    "import": "solver.importers:import_command",
    "judge": "solver.commands:judge_command",
    "check": "solver.commands:check_command",
    "train-tokenizer": "solver.cli:train_tokenizer",
    "pretrain": "solver.training.commands:pretrain_command",
    "finetune": "solver.training.commands:finetune_command",
    "train-testgen": "solver.training.commands:train_testgen_command",
    "families": "problems.families.commands:families_command",
    "serve": "solver.pipeline.serve:serve_command",
}


def train_tokenizer(sources: list[Path], *, out: Path, vocab_size: int = 8000) -> None:
    """Train the project's tokenizer (byte-level BPE) on directories or files of text and code, saved into OUT."""
    from solver.model.tokenizer import train_tokenizer_command

    train_tokenizer_command(sources, out, vocab_size)


def _load(name: str) -> Callable[..., int | None]:
    module, function = COMMANDS[name].split(":")
    return getattr(importlib.import_module(module), function)


class _OneLineParser(argparse.ArgumentParser):
    """Bad arguments give one line, as every other expected error does (argparse would print the usage first)."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


DEFAULT_COMMAND = "solve"  # `solve PROBLEM.json --budget 10` means `solve solve PROBLEM.json --budget 10`


def _add_parameter(parser: argparse.ArgumentParser, name: str, param: inspect.Parameter, hint: object) -> None:
    """Positional parameters become positional arguments (optional when they have a default); keyword-only
    parameters become `--options`."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):  # `X | None`: the argument's type is X
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    kwargs: dict[str, object] = {"type": hint}
    if origin is list:
        kwargs.update(type=args[0], nargs="+" if param.default is inspect.Parameter.empty else "*")
    elif origin is Literal:
        kwargs.update(type=type(args[0]), choices=list(args))
    if param.kind is not inspect.Parameter.KEYWORD_ONLY:
        if param.default is not inspect.Parameter.empty:
            kwargs.setdefault("nargs", "?")
            kwargs["default"] = param.default
        parser.add_argument(name, **kwargs)
    elif hint is bool:
        parser.add_argument(f"--{name.replace('_', '-')}", action=argparse.BooleanOptionalAction, default=param.default)
    elif param.default is inspect.Parameter.empty:
        parser.add_argument(f"--{name.replace('_', '-')}", required=True, **kwargs)
    else:
        parser.add_argument(f"--{name.replace('_', '-')}", default=param.default, help=f"(default: {param.default})", **kwargs)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for every command, or with `only`, for that one command (importing just its module)."""
    parser = _OneLineParser(prog="solve", description="AlphaCode-style competitive-programming solver.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in [only] if only else COMMANDS:
        function = _load(name)
        doc = inspect.getdoc(function) or ""
        command = sub.add_parser(name, help=doc.splitlines()[0] if doc else None, description=doc)
        hints = typing.get_type_hints(function)
        for pname, param in inspect.signature(function).parameters.items():
            _add_parameter(command, pname, param, hints[pname])
        command.set_defaults(_function=function)
    return parser


def main(argv: list[str] | None = None) -> int:
    from solver.errors import expected_errors
    from solver.interrupts import terminate_as_interrupt

    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv = [DEFAULT_COMMAND, *argv]
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    namespace = parser.parse_args(argv)
    if not getattr(namespace, "_function", None):
        parser.print_help()
        return 2
    function = namespace._function
    kwargs = {k: v for k, v in vars(namespace).items() if k not in ("command", "_function")}
    try:
        with terminate_as_interrupt():  # SIGTERM cleans up as Ctrl-C does
            return int(function(**kwargs) or 0)
    except expected_errors() as error:
        print(f"solve {namespace.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"solve {namespace.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
