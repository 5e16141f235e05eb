// The pipeline stage contract. A stage reads the layers it `needs()` and writes only the
// layers it `provides()`. Stages are immutable after construction: `process` is const and
// is called concurrently from several threads on *different* documents.
#pragma once

#include <cstdint>
#include <string_view>

#include "annalist/core/Document.h"
#include "annalist/core/Result.h"

namespace annalist {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  // Bit sets of Document::Layer.
  virtual uint32_t needs() const = 0;
  virtual uint32_t provides() const = 0;
  // Annotates `doc`. A non-ok Status makes the document a per-document error; it never
  // aborts the run. Thread-safe for distinct documents.
  virtual Status process(Document& doc) const = 0;
};

}  // namespace annalist
