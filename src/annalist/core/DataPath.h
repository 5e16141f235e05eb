// Locates the shipped data directory (models, dictionaries).
#pragma once

#include <string>

namespace annalist {

// The data directory: $ANNALIST_DATA_DIR when set, else the source tree's data/ recorded at
// build time. Thread-safe (reads the environment only).
std::string dataDir();

// dataDir() + "/" + relative.
std::string dataPath(const std::string& relative);

}  // namespace annalist
