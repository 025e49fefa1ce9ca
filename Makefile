# zonelint — build, test, run, bench, install.
# Generated scanner/parser and all objects go to $(BUILD); nothing generated is committed.

CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
SANITIZE ?= 0

ifeq ($(SANITIZE),1)
BUILD    ?= build/sanitize
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT      ?= -O1 -g
else
BUILD    ?= build
SANFLAGS :=
OPT      ?= -O2 -g
endif

PKGS        := libpcre2-8
PKG_CFLAGS   = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null)

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS   ?=
ALLCFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) $(SANFLAGS) \
            -I src -I rules -I $(BUILD) $(PKG_CFLAGS) $(CFLAGS)
# Generated code is not held to our warning flags (flex emits unused helpers).
GENCFLAGS = $(filter-out -Wmissing-prototypes -Wshadow -Wstrict-prototypes,$(ALLCFLAGS)) -Wno-unused-function -Wno-sign-compare
LDFLAGS  ?=
LDLIBS    = $(PKG_LIBS) -lm

LIB_SRCS  := $(filter-out src/main.c,$(wildcard src/*.c src/formats/*.c)) $(wildcard rules/*.c)
LIB_OBJS  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS)) $(BUILD)/obj/zone.tab.o $(BUILD)/obj/zone.lex.o
TEST_SRCS := $(wildcard tests/unit/test_*.c)
TEST_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRCS))
TOOL_BINS := $(BUILD)/genzone

.PHONY: all deps check unit cli run bench conformance install clean fuzz

all: deps $(BUILD)/zonelint

# Installs missing build dependencies on Debian/Ubuntu when allowed (root or
# passwordless sudo); otherwise prints the exact command and stops.
deps:
	@sh tools/deps.sh

$(BUILD)/zone.tab.c $(BUILD)/zone.tab.h: grammar/zone.y | $(BUILD)
	bison -Wall -Werror --defines=$(BUILD)/zone.tab.h -o $(BUILD)/zone.tab.c $<

$(BUILD)/zone.lex.c $(BUILD)/zone.lex.h: grammar/zone.l $(BUILD)/zone.tab.h | $(BUILD)
	flex --header-file=$(BUILD)/zone.lex.h -o $(BUILD)/zone.lex.c $<

$(BUILD)/obj/zone.tab.o: $(BUILD)/zone.tab.c $(BUILD)/zone.lex.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -c -o $@ $<

$(BUILD)/obj/zone.lex.o: $(BUILD)/zone.lex.c $(BUILD)/zone.tab.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.c $(BUILD)/zone.tab.h $(BUILD)/zone.lex.h
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/libzonelint.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/zonelint: $(BUILD)/obj/src/main.o $(BUILD)/libzonelint.a
	$(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libzonelint.a
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libzonelint.a $(LDLIBS) $(CMOCKA_LIBS)

$(BUILD)/genzone: tools/genzone.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $<

$(BUILD):
	@mkdir -p $(BUILD)

unit: deps $(TEST_BINS)
	@sh tests/run-unit.sh $(TEST_BINS)

cli: deps $(BUILD)/zonelint
	@ZONELINT=$(BUILD)/zonelint sh tests/cli/run.sh

check: deps $(BUILD)/zonelint $(TEST_BINS)
	@ZL_SARIF_SAMPLE=$(BUILD)/report-sample.sarif sh tests/run-unit.sh $(TEST_BINS)
	@ZONELINT=$(BUILD)/zonelint sh tests/cli/run.sh
	@ZONELINT=$(BUILD)/zonelint sh tests/bad-input/run.sh
	@ZONELINT=$(BUILD)/zonelint BUILD=$(BUILD) sh tests/sarif/run.sh

conformance: deps $(BUILD)/zonelint
	@ZONELINT=$(CURDIR)/$(BUILD)/zonelint sh tests/conformance/run.sh

# Lints every example (the broken ones exit 1 on purpose; make carries on).
run: deps $(BUILD)/zonelint
	@echo '$$ zonelint print examples/print/example.com.zone'
	-@$(BUILD)/zonelint print examples/print/example.com.zone
	@for f in $$(find examples -name '*.zone' -o -name '*.json' -o -name '*.yaml' | sort); do \
	    echo; echo "$$ zonelint $$f"; $(BUILD)/zonelint --format=text $$f; done; true

bench: deps $(BUILD)/zonelint $(BUILD)/genzone
	@ZONELINT=$(BUILD)/zonelint GENZONE=$(BUILD)/genzone sh tools/bench.sh

install: $(BUILD)/zonelint
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/zonelint $(DESTDIR)$(PREFIX)/bin/zonelint

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
