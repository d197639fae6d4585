"""The service suites run on both engines: the encrypted file and, when a test server is set, PostgreSQL."""

from __future__ import annotations

import pytest

from tests.pg_server import ENGINES


@pytest.fixture(params=ENGINES)
def engine_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)
