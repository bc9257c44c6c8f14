"""Excel forms: the export engine (layout), the forms (forms), the 需求汇总表 import (importer)."""
