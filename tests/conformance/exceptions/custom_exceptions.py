class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
    def __str__(self):
        return f"{self.field} is invalid ({self.reason})"
for exc in [NotFound("x"), Invalid("age", "negative"), AppError("generic"), AppError(), AppError(1, 2)]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", str(e), "|", isinstance(e, Exception), e.args)
try:
    raise NotFound("k")
except NotFound as e:
    print(repr(e), e.key)
print(repr(AppError("a")), repr(AppError()), repr(AppError(1, "b")))
