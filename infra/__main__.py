"""SafeNow's Pulumi program: read the stack's typed config, compose the components."""

import sys
from pathlib import Path

# The Python language host runs this file as a script; make the package beside
# it importable whatever the working directory is.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from safenow_infra.config import load_stack_config
from safenow_infra.program import build_program

build_program(load_stack_config())
