"""The checked-in kernel and model goldens are exactly what their generators write (pinned numpy)."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def check(script, folder):
    result = subprocess.run([sys.executable, os.path.join(HERE, script), "--check", os.path.join(ROOT, folder)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_kernel_goldens_are_reproducible():
    check("make_kernel_goldens.py", "Tests/KernelsTests/Goldens")


def test_model_golden_is_reproducible():
    check("make_model_golden.py", "Tests/LanguageModelTests/Goldens")
