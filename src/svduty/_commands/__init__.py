"""The CLI commands, one module each; each module has ``register(subparsers)``.

A command sets ``run(args, stdout, stderr) -> int`` as its parser default.
"""
