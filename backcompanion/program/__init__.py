"""The exercise program: data classes, YAML loading and validation. No Qt."""

from backcompanion.program.loader import builtin_program, load_program, load_program_file
from backcompanion.program.model import Exercise, Instructions, Phase, Program
from backcompanion.program.yamlcheck import DataError

__all__ = [
    "DataError",
    "Exercise",
    "Instructions",
    "Phase",
    "Program",
    "builtin_program",
    "load_program",
    "load_program_file",
]
