"""What every layer may use at run time (settings, progress, built-data layout); imports no project code."""
