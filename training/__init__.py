"""Scripts that train reader's small models from ../shared/eval (not shipped in the package)."""
