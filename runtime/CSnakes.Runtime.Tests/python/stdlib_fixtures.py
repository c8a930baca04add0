"""Standard-library values for the date/decimal/uuid converter tests."""
import datetime
import decimal
import uuid


def naive():
    return datetime.datetime(2024, 2, 29, 13, 45, 30, 123456)


def aware_plus_two():
    return datetime.datetime(2024, 2, 29, 13, 45, 30, 500, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))


def describe(value):
    return repr(value)


def a_date():
    return datetime.date(1999, 12, 31)


def a_time():
    return datetime.time(23, 59, 58, 999999)


def a_delta():
    return datetime.timedelta(days=-3, hours=5, microseconds=7)


def a_decimal():
    return decimal.Decimal("12345678901234567890.123456789")


def huge_decimal():
    return decimal.Decimal("1e40")


def a_uuid():
    return uuid.UUID("12345678-1234-5678-1234-567812345678")


def big():
    return 2 ** 100 + 1
