// Allocator for the large, randomly accessed lookup tables of the syntax models: blocks of at
// least 1 MiB are 2 MiB-aligned and advised for transparent huge pages (MADV_HUGEPAGE), so a
// weight lookup costs fewer TLB misses; smaller blocks come from malloc. Stateless; every
// instance is interchangeable. Where madvise is unavailable or refused, the memory is simply
// used with normal pages.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace annalist::syntax {

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;
  static constexpr size_t kMinHuge = size_t{1} << 20;

  HugePageAllocator() = default;
  template <typename U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}

  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_alloc();
    const size_t bytes = n * sizeof(T);
    void* p = nullptr;
    if (bytes >= kMinHuge) {
      const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
      p = std::aligned_alloc(kHugePage, rounded);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
      if (p != nullptr) madvise(p, rounded, MADV_HUGEPAGE);
#endif
    } else {
      p = std::malloc(bytes == 0 ? 1 : bytes);
    }
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t /*n*/) {
    std::free(p);
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>& /*other*/) const {
    return true;
  }
};

}  // namespace annalist::syntax
