"""plancli: targets and deadlines of government action plans, from a curated registry."""

__version__ = "0.3.0"
