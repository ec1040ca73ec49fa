"""Platform connectors: each turns one platform's API into the desk's tasks and typed platform errors."""
