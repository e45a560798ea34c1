# Edge: one entry point for set-up, build, tests, demo, benchmarks and packaging.
# `make demo` and `make test` are all a fresh Debian/Ubuntu machine needs (they run `setup` first).

CONFIG ?= Release
DOTNET ?= dotnet
NATIVE_DIR := build/native
TORCH_SHIM := $(NATIVE_DIR)/libedge_torch.so
NATIVE_SOURCES := $(wildcard trainer/native/*.cpp trainer/native/*.h trainer/native/CMakeLists.txt)

.PHONY: setup build native test demo bench package clean FORCE

setup:
	@scripts/setup.sh

# The libtorch shim is rebuilt only when its sources change (make's own dependency check) or LIBTORCH names
# another libtorch than the last build's: then CMake starts from a fresh cache, since it keeps the Torch it found.
native: $(TORCH_SHIM)

LIBTORCH_STAMP := $(NATIVE_DIR)/libtorch-path

$(LIBTORCH_STAMP): FORCE
	@mkdir -p $(NATIVE_DIR)
	@if [ ! -f $@ ]; then echo "$(LIBTORCH)" > $@; \
	elif [ "$$(cat $@)" != "$(LIBTORCH)" ]; then rm -rf $(NATIVE_DIR)/CMakeCache.txt $(NATIVE_DIR)/CMakeFiles; echo "$(LIBTORCH)" > $@; fi

$(TORCH_SHIM): $(NATIVE_SOURCES) $(LIBTORCH_STAMP)
	@if [ -f trainer/native/CMakeLists.txt ]; then \
	  cmake -S trainer/native -B $(NATIVE_DIR) -DCMAKE_BUILD_TYPE=Release $${LIBTORCH:+-DCMAKE_PREFIX_PATH=$$LIBTORCH} >/dev/null && \
	  cmake --build $(NATIVE_DIR) -j2 >/dev/null && touch $@; \
	else mkdir -p $(NATIVE_DIR); fi

build: native
	$(DOTNET) build Edge.sln -c $(CONFIG) --nologo -v quiet
	@scripts/make-launchers.sh $(CONFIG)

test: setup
	@$(MAKE) --no-print-directory build
	@scripts/run-tests.sh $(CONFIG)

demo: setup
	@$(MAKE) --no-print-directory build
	@scripts/demo.sh

bench:
	@EDGE_SETUP_BENCH=1 scripts/setup.sh
	@$(MAKE) --no-print-directory build
	@$(DOTNET) bench/Edge.Benchmarks/bin/$(CONFIG)/net10.0/edge-bench.dll $(ONLY)

package: build
	@packaging/build-deb.sh $(CONFIG)

clean:
	$(DOTNET) clean Edge.sln -c $(CONFIG) -v quiet
	rm -rf build bin TestResults
