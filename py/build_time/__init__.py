"""Code that runs only when the site is built, on CPython with numpy and matplotlib."""
