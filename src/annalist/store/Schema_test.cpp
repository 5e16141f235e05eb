#include "annalist/store/Schema.h"

#include <gtest/gtest.h>

#include "annalist/store/Check.h"
#include "annalist/store/Ingestor.h"
#include "annalist/store/SyntheticCorpus.h"
#include "annalist/store/TestUtil.h"

namespace annalist::store {
namespace {

int64_t count(Db& db, const std::string& sql) {
  auto v = db.queryInt(sql);
  EXPECT_TRUE(v.ok()) << (v.ok() ? "" : v.error().message);
  return v.ok() ? v->value_or(-1) : -1;
}

TEST(Schema, FreshStoreIsAtLatestVersionWithEveryTable) {
  testing::TempDir dir;
  auto db = openStore(dir.file("s.db"), true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto v = schemaVersion(*db);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, kSchemaVersion);
  EXPECT_EQ(count(*db, "PRAGMA user_version"), kSchemaVersion);
  for (const char* t : {"meta", "runs", "run_errors", "documents", "sentences", "mentions",
                        "entities", "quotes", "events", "documents_fts", "quotes_fts"}) {
    EXPECT_EQ(count(*db, std::string("SELECT count(*) FROM sqlite_master WHERE name='") + t + "'"),
              1)
        << t;
  }
  EXPECT_EQ(count(*db,
                  "SELECT count(*) FROM sqlite_master WHERE type='view' AND "
                  "name='unknown_actors'"),
            1);
  auto mode = db->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(mode->step());
  EXPECT_EQ(mode->text(0), "wal");
  EXPECT_TRUE(checkStore(*db).isOk());
}

TEST(Schema, MigratesVersion1StoreForwardKeepingData) {
  testing::TempDir dir;
  const std::string path = dir.file("old.db");
  {
    auto db = Db::open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(configureConnection(*db).isOk());
    ASSERT_TRUE(migrate(*db, 1).isOk());
    EXPECT_EQ(schemaVersion(*db).value(), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sqlite_master WHERE name='events_dyad'"), 0);
    ASSERT_TRUE(db->exec("INSERT INTO documents(doc_id, text, text_hash, content_hash, "
                         "coder_version, dictionary_version, ingested_at) VALUES ('d1', 'Text.', "
                         "'h', 'c', 'v', 'dv', 'now')")
                    .isOk());
  }
  auto db = openStore(path, false);
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ(schemaVersion(*db).value(), kSchemaVersion);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM sqlite_master WHERE name='events_dyad'"), 1);
  EXPECT_EQ(count(*db, "SELECT count(*) FROM documents WHERE doc_id='d1'"), 1);
  // Migrating again is a no-op.
  EXPECT_TRUE(migrate(*db).isOk());
  EXPECT_EQ(schemaVersion(*db).value(), kSchemaVersion);
}

TEST(Schema, RefusesNewerSchemaAndForeignDatabases) {
  testing::TempDir dir;
  {
    auto db = openStore(dir.file("new.db"), true);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->exec("UPDATE meta SET value='99' WHERE key='schema_version'").isOk());
  }
  auto newer = openStore(dir.file("new.db"), false);
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(newer.error().message.find("newer than this annalist"), std::string::npos)
      << newer.error().message;

  {
    auto db = Db::open(dir.file("other.db"));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->exec("CREATE TABLE t(x)").isOk());
  }
  auto foreign = openStore(dir.file("other.db"), true);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.error().message.find("not an annalist store"), std::string::npos);

  auto missing = openStore(dir.file("missing.db"), false);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("missing.db"), std::string::npos);
}

}  // namespace
}  // namespace annalist::store
