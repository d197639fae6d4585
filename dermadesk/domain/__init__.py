"""The domain: entities, value objects, rules as data and ports; pure Python."""
