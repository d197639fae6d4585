"""Use cases, one module per area; dependencies come in through __init__."""
