# TorchScript language cases. Each module holds CASES, a list of dicts:
#   name      unique within the module
#   src       TorchScript source (a module: imports, classes, defs)
#   fn        the function to call (default "f")
#   calls     argument tuples, one call each (default: one call without arguments)
#   negative  True when PyTorch must refuse to compile src (ember must too, at the same line)
#   rtol/atol float tolerance (defaults 1e-5 / 1e-6)
#   stdout    True to also record (and compare) what print() writes
