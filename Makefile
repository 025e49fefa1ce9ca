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

# yaml-0.1 (libyaml): the structured exports (Route 53 JSON, octoDNS and Cloud DNS
# YAML) are read with it, JSON included, for its line/column mark on every node.
# jansson: the small --ses-identity JSON (aws sesv2 get-email-identity), read as
# a DOM; no positions needed there, since findings point into the zone.
PKGS        := libpcre2-8 yaml-0.1 jansson
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
# Terraform reader (src/input/terraform/, grammar/hcl.*): HCL native syntax.
LIB_SRCS  += $(wildcard src/input/terraform/*.c)
LIB_OBJS  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS)) $(BUILD)/obj/zone.tab.o $(BUILD)/obj/zone.lex.o \
             $(BUILD)/obj/hcl.tab.o $(BUILD)/obj/hcl.lex.o
TEST_SRCS := $(wildcard tests/unit/test_*.c)
TEST_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRCS))
TOOL_BINS := $(BUILD)/genzone

.PHONY: all deps check unit cli run bench conformance install clean fuzz fuzz-regress

all: deps $(BUILD)/zonelint

# Installs missing build dependencies on Debian/Ubuntu when allowed (root or
# passwordless sudo); otherwise prints the exact command and stops.
deps:
	@sh tools/deps.sh

# Grouped targets (&:): one bison run makes both files, even under make -j.
$(BUILD)/zone.tab.c $(BUILD)/zone.tab.h &: grammar/zone.y | $(BUILD)
	bison -Wall -Werror --defines=$(BUILD)/zone.tab.h -o $(BUILD)/zone.tab.c $<

$(BUILD)/zone.lex.c $(BUILD)/zone.lex.h &: grammar/zone.l $(BUILD)/zone.tab.h | $(BUILD)
	flex --header-file=$(BUILD)/zone.lex.h -o $(BUILD)/zone.lex.c $<

$(BUILD)/obj/zone.tab.o: $(BUILD)/zone.tab.c $(BUILD)/zone.lex.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -c -o $@ $<

$(BUILD)/obj/zone.lex.o: $(BUILD)/zone.lex.c $(BUILD)/zone.tab.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -c -o $@ $<

$(BUILD)/hcl.tab.c $(BUILD)/hcl.tab.h &: grammar/hcl.y | $(BUILD)
	bison -Wall -Werror --defines=$(BUILD)/hcl.tab.h -o $(BUILD)/hcl.tab.c $<

$(BUILD)/hcl.lex.c $(BUILD)/hcl.lex.h &: grammar/hcl.l $(BUILD)/hcl.tab.h | $(BUILD)
	flex --header-file=$(BUILD)/hcl.lex.h -o $(BUILD)/hcl.lex.c $<

$(BUILD)/obj/hcl.tab.o: $(BUILD)/hcl.tab.c $(BUILD)/hcl.lex.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -c -o $@ $<

$(BUILD)/obj/hcl.lex.o: $(BUILD)/hcl.lex.c $(BUILD)/hcl.tab.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.c $(BUILD)/zone.tab.h $(BUILD)/zone.lex.h $(BUILD)/hcl.tab.h $(BUILD)/hcl.lex.h
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

check: deps $(BUILD)/zonelint $(TEST_BINS) $(BUILD)/fuzz-replay
	@ZL_SARIF_SAMPLE=$(BUILD)/report-sample.sarif sh tests/run-unit.sh $(TEST_BINS)
	@ZONELINT=$(BUILD)/zonelint sh tests/cli/run.sh
	@ZONELINT=$(BUILD)/zonelint sh tests/bad-input/run.sh
	@ZONELINT=$(BUILD)/zonelint BUILD=$(BUILD) sh tests/sarif/run.sh
	@$(BUILD)/fuzz-replay tests/fuzz/regressions

# ---- fuzzing (tests/fuzz/README.md) -------------------------------------------
FUZZ_SRCS := tests/fuzz/fuzz_zone.c tests/fuzz/fuzz_format.c tests/fuzz/fuzz_util.c tests/fuzz/fuzz_terraform.c

# The targets' entry points without libFuzzer: replays every input that once
# crashed (tests/fuzz/regressions/<target>/), in every build (plain,
# SANITIZE=1, valgrind in .ci/run).
$(BUILD)/fuzz-replay: tests/fuzz/replay.c $(FUZZ_SRCS) tests/fuzz/fuzz.h $(BUILD)/libzonelint.a
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -I tests/fuzz $(LDFLAGS) -o $@ tests/fuzz/replay.c $(FUZZ_SRCS) \
	    $(BUILD)/libzonelint.a $(LDLIBS)

fuzz-regress: deps $(BUILD)/fuzz-replay
	@$(BUILD)/fuzz-replay tests/fuzz/regressions

# make fuzz [FUZZ_TARGET=zone|route53|octodns|gcloud|sesid|delegation|terraform|tfjson]
#           [FUZZ_TIME=seconds] [FUZZ_JOBS=n (fork mode)] [FUZZ_ARGS=...]
# builds the libFuzzer targets with clang in build/fuzz and runs one, seeded
# from tests/, examples/ and the conformance corpus, with its dictionary;
# its corpus grows in build/fuzz/corpus-TARGET, crashes land in
# build/fuzz/artifacts/.
FUZZ_CC      ?= clang
FUZZ_BUILD   := build/fuzz
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_TARGETS := zone route53 octodns gcloud sesid delegation terraform tfjson
FUZZ_TARGET  ?= zone
FUZZ_TIME    ?= 60
FUZZ_JOBS    ?= 1
FUZZ_ARGS    ?=
# zone.dict: master-file tokens; exports.dict: JSON/YAML syntax and the exports' keys;
# hcl.dict: HCL syntax and Terraform's DNS resources.
FUZZ_DICT     = tests/fuzz/$(if $(filter zone delegation,$(FUZZ_TARGET)),zone,$(if $(filter terraform,$(FUZZ_TARGET)),hcl,exports)).dict

fuzz:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "make fuzz: '$(FUZZ_CC)' not found;" \
	    "install clang and its libFuzzer runtime (Debian/Ubuntu: apt-get install clang libclang-rt-dev," \
	    "or libclang-rt-14-dev for clang 14), or set FUZZ_CC"; exit 2; }
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' | \
	    $(FUZZ_CC) -fsanitize=fuzzer,address,undefined -x c -o /dev/null - 2>/dev/null || { \
	    echo "make fuzz: $(FUZZ_CC) cannot link -fsanitize=fuzzer,address,undefined;" \
	    "install its libFuzzer/sanitizer runtime (Debian/Ubuntu: apt-get install" \
	    "libclang-rt-$$($(FUZZ_CC) -dumpversion | cut -d. -f1)-dev)"; exit 2; }
	@case " $(FUZZ_TARGETS) " in *" $(FUZZ_TARGET) "*) ;; *) \
	    echo "make fuzz: FUZZ_TARGET must be one of: $(FUZZ_TARGETS)"; exit 2;; esac
	@$(MAKE) --no-print-directory CC=$(FUZZ_CC) BUILD=$(FUZZ_BUILD) SANFLAGS='$(FUZZ_SAN)' \
	    OPT='-O1 -g' $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZ_TARGETS))
	@sh tests/fuzz/corpus-seed $(FUZZ_TARGET) $(FUZZ_BUILD)/seed-$(FUZZ_TARGET)
	@mkdir -p $(FUZZ_BUILD)/corpus-$(FUZZ_TARGET) $(FUZZ_BUILD)/artifacts
	$(FUZZ_BUILD)/fuzz_$(FUZZ_TARGET) -dict=$(FUZZ_DICT) -max_len=65536 \
	    -timeout=5 -rss_limit_mb=2048 -max_total_time=$(FUZZ_TIME) \
	    $(if $(filter-out 1,$(FUZZ_JOBS)),-fork=$(FUZZ_JOBS)) \
	    -artifact_prefix=$(FUZZ_BUILD)/artifacts/$(FUZZ_TARGET)- $(FUZZ_ARGS) \
	    $(FUZZ_BUILD)/corpus-$(FUZZ_TARGET) $(FUZZ_BUILD)/seed-$(FUZZ_TARGET)

# Only meaningful with BUILD=build/fuzz and clang (the fuzz rule above).
$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_main.c $(FUZZ_SRCS) tests/fuzz/fuzz.h $(FUZZ_BUILD)/libzonelint.a
	$(CC) $(ALLCFLAGS) -I tests/fuzz -DZL_FUZZ_ENTRY=zl_fuzz_$* -fsanitize=fuzzer $(LDFLAGS) -o $@ \
	    tests/fuzz/fuzz_main.c $(FUZZ_SRCS) $(FUZZ_BUILD)/libzonelint.a $(LDLIBS)

conformance: deps $(BUILD)/zonelint
	@ZONELINT=$(CURDIR)/$(BUILD)/zonelint sh tests/conformance/run.sh

# Lints every example (the broken ones exit 1 on purpose; make carries on).
run: deps $(BUILD)/zonelint
	@echo '$$ zonelint print examples/print/example.com.zone'
	-@$(BUILD)/zonelint print examples/print/example.com.zone
	@for f in $$(find examples \( -name '*.zone' -o -name '*.json' -o -name '*.yaml' \) \
	    ! -name 'identity-*.json' | sort); do \
	    echo; echo "$$ zonelint $$f"; $(BUILD)/zonelint --format=text $$f; done; true
	@# examples/ses/identity-*.json are SES's side (aws sesv2 get-email-identity), not zones
	@for j in examples/ses/identity-v2.json examples/ses/identity-v2-mismatch.json; do \
	    echo; echo "$$ zonelint --ses-identity $$j examples/ses/fixed.zone"; \
	    $(BUILD)/zonelint --format=text --ses-identity $$j examples/ses/fixed.zone; done; true

bench: deps $(BUILD)/zonelint $(BUILD)/genzone
	@ZONELINT=$(BUILD)/zonelint GENZONE=$(BUILD)/genzone sh tools/bench.sh

install: $(BUILD)/zonelint
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/zonelint $(DESTDIR)$(PREFIX)/bin/zonelint
	install -m 644 doc/zonelint.1 $(DESTDIR)$(PREFIX)/share/man/man1/zonelint.1

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
