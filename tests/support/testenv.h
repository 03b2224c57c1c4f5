#pragma once

#include "core/config.h"
#include "testdatabase.h"

// A configuration for tests: fixed secrets, a temporary data folder, the given database.
teehee::Config testConfig(const TestDatabase &db, const QString &dataDir);

// QVERIFY-style guard: fails the test (never skips) when the database is not there.
#define TEEHEE_REQUIRE_DB(db) QVERIFY2((db).isValid(), qPrintable((db).error()))
