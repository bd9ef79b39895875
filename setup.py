"""The wheel's build step beyond pyproject.toml: compile the translation catalogues
(resources/translations/*.ts -> .qm) so that they ship inside initviz/_resources."""
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self):
        sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
        from update_translations import release
        try:
            release(only_stale=True)
        except SystemExit as exc:       # no pyside6-lrelease in the build environment
            print(f"warning: translations not compiled: {exc}", file=sys.stderr)
        super().run()


setup(cmdclass={"build_py": BuildWithCatalogues})
