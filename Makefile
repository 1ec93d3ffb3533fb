# memviz build.  GNU make.
#
#   make                  build build/memviz (release: -O2 -g)
#   make debug            build/debug/memviz and build/debug/test_unit
#                         (-O0 -g, AddressSanitizer + UBSan, -DMEMVIZ_DEBUG=1)
#   make test             deps, build, then every test tier; fails if any tier fails
#   make test-debug       unit + conformance + http tiers against the sanitizer build
#   make unit             Criterion unit tests (tests/unit/*.c -> build/test_unit)
#   make conformance      tests/conformance/run.sh build/memviz
#   make conformance-refresh   regenerate expected output with python3
#   make run              deps, build, serve on http://$(HOST):$(PORT)
#   make deps             install the Debian packages that are missing (scripts/deps.sh)
#   make lint / format    clang-format check / apply, plus cppcheck (lint only)
#   make bench            build, then bench/run.sh (timings vs python3, never asserted)
#   make clean
#
# Sources are every *.c under heap/ and server/ (found with find, so a new file needs no
# Makefile edit).  Objects go to build/obj/<path>.o with -MMD -MP dependency files, so editing a
# header rebuilds exactly the objects that include it.  The unit-test binary links every object
# except server/main.o (the only file with main()); Criterion supplies main().

# `CC ?= gcc` alone would never apply: make predefines CC=cc.  Honour an explicit CC from the
# command line or the environment, otherwise use gcc.
ifeq ($(origin CC),default)
CC := gcc
endif

PKG_CONFIG ?= pkg-config
PKGS := libmicrohttpd libcjson

# Recursive (=) on purpose: pkg-config runs when a recipe needs the flags, not when the Makefile
# is read, so `make test` / `make run` can install the packages first (`make deps`).
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CRITERION_CFLAGS = $(shell $(PKG_CONFIG) --cflags criterion 2>/dev/null)
CRITERION_LIBS = $(shell $(PKG_CONFIG) --libs criterion 2>/dev/null || echo -lcriterion)

WARNINGS := -Wall -Wextra -Werror
CFLAGS = -std=gnu11 -O2 -g $(WARNINGS) -I. $(PKG_CFLAGS)
LDLIBS = $(PKG_LIBS) -lz -lm -lpthread
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
DEBUG_CFLAGS = -std=gnu11 -O0 -g $(SAN_FLAGS) -DMEMVIZ_DEBUG=1 $(WARNINGS) -I. $(PKG_CFLAGS)
DEBUG_LDFLAGS := $(SAN_FLAGS)
DEPFLAGS = -MMD -MP

BUILD := build
BIN := $(BUILD)/memviz
DEBUG_BIN := $(BUILD)/debug/memviz
UNIT_BIN := $(BUILD)/test_unit
DEBUG_UNIT_BIN := $(BUILD)/debug/test_unit

SRCS := $(sort $(shell find heap server -name '*.c' 2>/dev/null))
MAIN_SRC := server/main.c
LIB_SRCS := $(filter-out $(MAIN_SRC),$(SRCS))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))

OBJS := $(SRCS:%.c=$(BUILD)/obj/%.o)
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(BUILD)/obj/%.o)
DEBUG_OBJS := $(SRCS:%.c=$(BUILD)/debug/obj/%.o)
DEBUG_LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/debug/obj/%.o)
DEBUG_UNIT_OBJS := $(UNIT_SRCS:%.c=$(BUILD)/debug/obj/%.o)

LINT_FILES = $(sort $(shell find heap server tests/unit -name '*.[ch]' 2>/dev/null))

HOST ?= 127.0.0.1
PORT ?= 8000

MAKEFLAGS += --no-print-directory

.DEFAULT_GOAL := all
.PHONY: all debug test test-debug unit unit-debug conformance conformance-refresh run deps \
        lint format bench clean

all: $(BIN)

# ---------------------------------------------------------------- release build

$(BIN): $(OBJS)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/obj/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(CRITERION_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(UNIT_BIN): $(UNIT_OBJS) $(LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(CRITERION_LIBS) $(LDLIBS)

# ---------------------------------------------------------------- debug build (sanitizers)

debug: $(DEBUG_BIN) $(if $(UNIT_SRCS),$(DEBUG_UNIT_BIN))

$(DEBUG_BIN): $(DEBUG_OBJS)
	@mkdir -p $(@D)
	$(CC) $(DEBUG_LDFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/debug/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(DEBUG_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/debug/obj/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(DEBUG_CFLAGS) $(CRITERION_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(DEBUG_UNIT_BIN): $(DEBUG_UNIT_OBJS) $(DEBUG_LIB_OBJS)
	@mkdir -p $(@D)
	$(CC) $(DEBUG_LDFLAGS) $(LDFLAGS) -o $@ $^ $(CRITERION_LIBS) $(LDLIBS)

-include $(OBJS:.o=.d) $(UNIT_OBJS:.o=.d) $(DEBUG_OBJS:.o=.d) $(DEBUG_UNIT_OBJS:.o=.d)

# ---------------------------------------------------------------- tests

ifeq ($(strip $(UNIT_SRCS)),)
unit:
	@echo "unit: no tests/unit/*.c yet, skipped"
unit-debug:
	@echo "unit: no tests/unit/*.c yet, skipped"
else
unit: $(UNIT_BIN)
	./$(UNIT_BIN)
unit-debug: $(DEBUG_UNIT_BIN)
	./$(DEBUG_UNIT_BIN)
endif

conformance: $(BIN)
	bash tests/conformance/run.sh $(BIN)

conformance-refresh:
	bash tests/conformance/refresh.sh

# Every tier runs even when an earlier one fails, so one run shows everything that is broken;
# the exit status is non-zero if any tier failed.  The http and e2e tiers join once their
# run.sh exists; each gets the binary as its first argument.
test:
	@$(MAKE) deps
	@$(MAKE) all
	@failed=""; \
	$(MAKE) unit || failed="$$failed unit"; \
	$(MAKE) conformance || failed="$$failed conformance"; \
	for tier in http e2e; do \
	    if [ -f tests/$$tier/run.sh ]; then \
	        echo "bash tests/$$tier/run.sh $(BIN)"; \
	        bash tests/$$tier/run.sh $(BIN) || failed="$$failed $$tier"; \
	    fi; \
	done; \
	if [ -n "$$failed" ]; then echo "make test: FAILED tiers:$$failed"; exit 1; fi; \
	echo "make test: every tier passed"

test-debug:
	@$(MAKE) debug
	@failed=""; \
	$(MAKE) unit-debug || failed="$$failed unit"; \
	bash tests/conformance/run.sh $(DEBUG_BIN) || failed="$$failed conformance"; \
	if [ -f tests/http/run.sh ]; then \
	    bash tests/http/run.sh $(DEBUG_BIN) || failed="$$failed http"; \
	fi; \
	if [ -n "$$failed" ]; then echo "make test-debug: FAILED tiers:$$failed"; exit 1; fi; \
	echo "make test-debug: every tier passed"

# ---------------------------------------------------------------- run, deps, tools

run:
	@$(MAKE) deps
	@$(MAKE) all
	@echo "memviz: open http://$(HOST):$(PORT)"
	@exec ./$(BIN) serve --host $(HOST) --port $(PORT)

deps:
	@bash scripts/deps.sh

lint:
	@files="$(LINT_FILES)"; \
	if [ -z "$$files" ]; then echo "lint: no C files yet"; exit 0; fi; \
	clang-format --dry-run -Werror $$files && \
	cppcheck --enable=warning,performance,portability --error-exitcode=1 --inline-suppr \
	    --quiet -I. heap server && \
	echo "lint: clean"

format:
	@files="$(LINT_FILES)"; \
	if [ -n "$$files" ]; then clang-format -i $$files; fi

bench: $(BIN)
	bash bench/run.sh $(BIN)

clean:
	rm -rf $(BUILD)
