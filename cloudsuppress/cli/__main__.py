"""`python -m cloudsuppress.cli`, as the benchmarks run it: the same as `python -m cloudsuppress`."""
from . import main

raise SystemExit(main())
