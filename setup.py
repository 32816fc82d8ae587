"""Package discovery, the one thing pyproject.toml cannot say declaratively here.

Code packages are *found* (``plancli`` and every ``plancli.*`` folder with an ``__init__.py``), so a new
subpackage can never be left out of the wheel. The shipped registry lives in ``data/`` at the top of
the checkout (where people edit it) and is installed as the package ``plancli.data``; its files are
named one by one in pyproject.toml's package-data. Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["plancli", "plancli.*"]), "plancli.data"],
    package_dir={"plancli.data": "data"},
)
