tests = [lambda: {}["k"], lambda: [][0], lambda: 1 / 0, lambda: int("x"), lambda: undefined_name, lambda: None.attr, lambda: len(5)]
for t in tests:
    try:
        t()
    except LookupError as e:
        print("LookupError family:", type(e).__name__)
    except ArithmeticError as e:
        print("ArithmeticError family:", type(e).__name__)
    except (ValueError, TypeError) as e:
        print("Value/Type:", type(e).__name__, e)
    except Exception as e:
        print("Exception:", type(e).__name__, e)
print(isinstance(KeyError(), LookupError), isinstance(ZeroDivisionError(), ArithmeticError))
print(isinstance(RecursionError(), RuntimeError), isinstance(UnboundLocalError(), NameError))
print(isinstance(IndentationError(), SyntaxError), isinstance(ValueError(), Exception))
