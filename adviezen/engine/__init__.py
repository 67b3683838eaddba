"""The procedure advice engine: pure Python, no Django (tests/adviezen/test_engine_is_puur.py).

Facts in (a frozen dataclass), advice out (a frozen dataclass), with a `motivering` entry
(rule id + Dutch sentence) for every decision. Policy values come in as data.
"""
