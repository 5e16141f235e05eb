# The two commands of the README quick start are `make demo` and `make test`.
# Both install what they need (scripts/install-deps) and build as needed.

PRESET ?= release
BUILD  := build/$(PRESET)
JOBS   ?= $(shell nproc)
# CI sets CI=true: warnings become errors there.
WERROR := $(if $(filter true,$(CI)),ON,OFF)

.PHONY: all deps configure build demo test format format-check bench clean

all: build

deps:
	@scripts/install-deps

configure: deps
	@cmake --preset $(PRESET) -DANNALIST_WERROR=$(WERROR) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Main job: code the bundled example corpus (examples/) into the default store/output.
demo: build
	@scripts/demo $(BUILD)

# Whole test suite: formatting check, unit/golden/integration tests.
test: build format-check
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	@find $$(ls -d src tests bench fuzz 2>/dev/null) \( -name '*.cpp' -o -name '*.h' \) | xargs clang-format -i

format-check: deps
	@scripts/check-format

bench: build
	@bench/corpus.sh $(BUILD)

clean:
	rm -rf build
