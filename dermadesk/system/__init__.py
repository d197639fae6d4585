"""OS integration: paths, bundled resources, secrets, key files, logging."""
