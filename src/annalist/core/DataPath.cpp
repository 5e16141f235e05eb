#include "annalist/core/DataPath.h"

#include <cstdlib>

namespace annalist {

std::string dataDir() {
  if (const char* env = std::getenv("ANNALIST_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return ANNALIST_SOURCE_DATA_DIR;
}

std::string dataPath(const std::string& relative) {
  return dataDir() + "/" + relative;
}

}  // namespace annalist
