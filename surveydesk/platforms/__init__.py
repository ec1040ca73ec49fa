"""Each platform in a folder of its own: tasks, earnings, take and sign-in."""
