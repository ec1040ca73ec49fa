"""Work time: shifts, task attempts and the wages they add up to (pure Python, no Qt)."""
