# SPDX-License-Identifier: MIT
# zonelint — build, test, run, bench, install.
# Generated scanner/parser and all objects go to $(BUILD); nothing generated is committed.

CC       ?= cc
PREFIX   ?= /usr/local
DESTDIR  ?=
SANITIZE ?= 0

ifeq ($(SANITIZE),1)
BUILD    ?= build/sanitize
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
            -DZL_SANITIZE
OPT      ?= -O1 -g
else
BUILD    ?= build
SANFLAGS :=
OPT      ?= -O2 -g
endif

# ---- version (one source: VERSION), install directories ------------------------
VERSION  := $(shell cat VERSION)
# `git describe` when this directory is the top of a git checkout; a make dist
# tarball carries the describe of the tree it was made from in .git-describe.
GIT_DESCRIBE := $(shell if [ "$$(git rev-parse --show-toplevel 2>/dev/null)" -ef . ] 2>/dev/null; then \
                    git describe --tags --match 'v[0-9]*' --always --dirty 2>/dev/null; \
                elif [ -f .git-describe ]; then cat .git-describe; fi | tr -cd 'A-Za-z0-9._+-')
# Where SARIF's helpUri and the completions' links point: one page per rule,
# docs/rules/ZLnnnn.md (make docs). Set it for a fork or a docs site.
DOCS_URL ?= https://github.com/zonelint/zonelint/blob/main/docs/rules/
BINDIR      ?= $(PREFIX)/bin
MANDIR      ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

# yaml-0.1 (libyaml): the structured exports (Route 53 JSON, octoDNS and Cloud DNS
# YAML) are read with it, JSON included, for its line/column mark on every node.
# jansson: the small --ses-identity JSON (aws sesv2 get-email-identity), read as
# a DOM; no positions needed there, since findings point into the zone.
# ldns: every query of `zonelint verify` (src/verify/): packets, EDNS0,
# UDP with TCP on truncation, IPv4/IPv6; its pkg-config name is ldns
# (Debian libldns-dev; some systems call it libldns). Looked up when used,
# so that `make deps` can install it first.
# libpsl: the Public Suffix List with its built-in data (which names end in a
# public TLD; the registrable domain of a change batch's names), kept current
# by the distribution instead of a list of ours.
LDNS_PKG     = $(shell pkg-config --exists ldns 2>/dev/null && echo ldns || echo libldns)
PKGS         = libpcre2-8 yaml-0.1 jansson libpsl $(LDNS_PKG)
PKG_CFLAGS   = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null)

# WERROR= for builds that must not fail on a newer compiler's new warnings
# (the Debian package); development and CI keep -Werror.
WERROR   ?= -Werror
WARN     := -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS   ?=
CPPFLAGS ?=
ALLCFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(WARN) $(SANFLAGS) -pthread \
            -I src -I . -I $(BUILD) $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
# Generated code is not held to our warning flags (flex emits unused helpers).
GENCFLAGS = $(filter-out -Wmissing-prototypes -Wshadow -Wstrict-prototypes,$(ALLCFLAGS)) -Wno-unused-function -Wno-sign-compare
LDFLAGS  ?=
LDLIBS    = $(PKG_LIBS) -lm

LIB_SRCS  := $(filter-out src/cli/main.c src/base/sanitizer_options.c,$(wildcard src/*/*.c src/*/*/*.c)) \
             $(wildcard rules/*.c)
# The sanitizers' default options (exit codes): an object of its own, linked
# into every program, since a library member that nothing calls is left out.
SAN_OBJ   := $(if $(filter 1,$(SANITIZE)),$(BUILD)/obj/src/base/sanitizer_options.o)
# Two grammars: master files (zone.*) and Terraform's HCL native syntax (hcl.*).
LIB_OBJS  := $(patsubst %.c,$(BUILD)/obj/%.o,$(LIB_SRCS)) $(BUILD)/obj/zone.tab.o $(BUILD)/obj/zone.lex.o \
             $(BUILD)/obj/hcl.tab.o $(BUILD)/obj/hcl.lex.o $(BUILD)/obj/json.lex.o $(BUILD)/obj/senders_builtin.o
TEST_SRCS := $(wildcard tests/unit/test_*.c)
TEST_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRCS))
TOOL_BINS := $(BUILD)/genzone
# A UDP socket that reads and never answers: the timeout path of the verify tests.
VERIFY_SILENT := $(BUILD)/tests/verify-silent

.PHONY: all deps check unit cli run bench conformance install uninstall clean fuzz fuzz-regress \
        fuzz-build fuzz-campaign fuzz-merge fuzz-bind \
        docs docs-check completions man dist check-integration corpus verify-test FORCE

all: deps $(BUILD)/zonelint $(BUILD)/zonelint.1 completions

# Installs missing build dependencies on Debian/Ubuntu when allowed (root or
# passwordless sudo); otherwise prints the exact command and stops.
# DEPS=: skips it (the Debian package build: debian/control has the list).
DEPS ?= sh tools/deps.sh
deps:
	@$(DEPS)

# Grouped targets (&:): one bison run makes both files, even under make -j.
# Order-only `deps`: under -j, flex and bison (and the compiles, which wait for
# these headers) start only once deps has installed them.
$(BUILD)/zone.tab.c $(BUILD)/zone.tab.h &: grammar/zone.y | $(BUILD) deps
	bison -Wall -Werror --defines=$(BUILD)/zone.tab.h -o $(BUILD)/zone.tab.c $<

$(BUILD)/zone.lex.c $(BUILD)/zone.lex.h &: grammar/zone.l $(BUILD)/zone.tab.h | $(BUILD) deps
	flex --header-file=$(BUILD)/zone.lex.h -o $(BUILD)/zone.lex.c $<

$(BUILD)/obj/zone.tab.o: $(BUILD)/zone.tab.c $(BUILD)/zone.lex.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/zone.lex.o: $(BUILD)/zone.lex.c $(BUILD)/zone.tab.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/hcl.tab.c $(BUILD)/hcl.tab.h &: grammar/hcl.y | $(BUILD) deps
	bison -Wall -Werror --defines=$(BUILD)/hcl.tab.h -o $(BUILD)/hcl.tab.c $<

$(BUILD)/hcl.lex.c $(BUILD)/hcl.lex.h &: grammar/hcl.l $(BUILD)/hcl.tab.h | $(BUILD) deps
	flex --header-file=$(BUILD)/hcl.lex.h -o $(BUILD)/hcl.lex.c $<

$(BUILD)/obj/hcl.tab.o: $(BUILD)/hcl.tab.c $(BUILD)/hcl.lex.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/hcl.lex.o: $(BUILD)/hcl.lex.c $(BUILD)/hcl.tab.h
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -MMD -MP -c -o $@ $<

# The JSON of exports (src/input/exports/yjson.c): a scanner, no grammar.
$(BUILD)/json.lex.c $(BUILD)/json.lex.h &: grammar/json.l | $(BUILD) deps
	flex --header-file=$(BUILD)/json.lex.h -o $(BUILD)/json.lex.c $<

$(BUILD)/obj/json.lex.o: $(BUILD)/json.lex.c
	@mkdir -p $(dir $@)
	$(CC) $(GENCFLAGS) -MMD -MP -c -o $@ $<

# Sender packs (senders/*.yaml, format in senders/README.md) become a const C
# table: the generator reads them with the loader user packs go through, so a
# broken pack fails the build with file:line:col.
SENDER_PACKS   := $(sort $(wildcard senders/*.yaml))
GENSENDERS_SRC := tools/gensenders.c src/lint/sender_load.c src/input/exports/ydoc.c src/input/exports/ypos.c \
                  src/base/buf.c src/input/confine.c src/base/fileio.c
$(BUILD)/gensenders: $(GENSENDERS_SRC) src/lint/senders.h src/input/exports/ydoc.h src/input/exports/ypos.h | $(BUILD)
	$(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $(GENSENDERS_SRC) $(LDLIBS)

$(BUILD)/senders_builtin.c: $(BUILD)/gensenders $(SENDER_PACKS)
	$(BUILD)/gensenders -o $@ $(SENDER_PACKS)

$(BUILD)/obj/senders_builtin.o: $(BUILD)/senders_builtin.c src/lint/senders.h
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.c $(BUILD)/zone.tab.h $(BUILD)/zone.lex.h $(BUILD)/hcl.tab.h $(BUILD)/hcl.lex.h $(BUILD)/json.lex.h \
                 $(BUILD)/zl_version.h
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/libzonelint.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/zonelint: $(BUILD)/obj/src/cli/main.o $(BUILD)/obj/build_info.o $(SAN_OBJ) $(BUILD)/libzonelint.a
	$(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Rewritten only when their content changes, so a new commit relinks the
# binary (build_info.o) and a new VERSION or DOCS_URL recompiles only the
# files that include version.h.
$(BUILD)/zl_version.h: FORCE | $(BUILD)
	@printf '#define ZL_VERSION "%s"\n#define ZL_DOCS_URL "%s"\n' '$(VERSION)' '$(DOCS_URL)' >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/build_info.c: FORCE | $(BUILD)
	@printf 'const char zl_build_describe[] = "%s";\n' '$(GIT_DESCRIBE)' >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(BUILD)/obj/build_info.o: $(BUILD)/build_info.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -c -o $@ $<

FORCE:

# ---- rule pages, man page, completions (docs/rules/README.md) ------------------
$(BUILD)/rule-pages: tools/rule-pages.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS)

# One page per rule, from the registry as the binary reports it.
$(BUILD)/rule-pages.out/README.md: $(BUILD)/zonelint $(BUILD)/rule-pages
	@rm -rf $(BUILD)/rule-pages.out && mkdir -p $(BUILD)/rule-pages.out
	@$(BUILD)/zonelint rules --format=json >$(BUILD)/rules.json
	@$(BUILD)/rule-pages $(BUILD)/rules.json $(BUILD)/rule-pages.out

docs: deps $(BUILD)/rule-pages.out/README.md
	@mkdir -p docs/rules
	@rm -f docs/rules/*.md
	@cp $(BUILD)/rule-pages.out/*.md docs/rules/
	@echo "docs/rules/: $$(ls docs/rules | wc -l | tr -d ' ') pages written"

docs-check: $(BUILD)/rule-pages.out/README.md
	@if ! diff -r docs/rules $(BUILD)/rule-pages.out >$(BUILD)/rule-pages.diff 2>&1; then \
	    head -n 20 $(BUILD)/rule-pages.diff; \
	    echo "docs-check: docs/rules/ does not match the rules in this build: run make docs"; exit 1; fi
	@echo "docs-check: docs/rules/ matches the $$(grep -c '"code"' $(BUILD)/rules.json) rules"

$(BUILD)/zonelint.1: docs/zonelint.1.in VERSION | $(BUILD)
	sed 's/@VERSION@/$(VERSION)/g' docs/zonelint.1.in >$@

man: $(BUILD)/zonelint.1

COMPLETIONS := $(BUILD)/completions/zonelint.bash $(BUILD)/completions/_zonelint \
               $(BUILD)/completions/zonelint.fish
completions: $(COMPLETIONS)

$(BUILD)/completions/zonelint.bash: $(BUILD)/zonelint
	@mkdir -p $(dir $@)
	$(BUILD)/zonelint --completions=bash >$@

$(BUILD)/completions/_zonelint: $(BUILD)/zonelint
	@mkdir -p $(dir $@)
	$(BUILD)/zonelint --completions=zsh >$@

$(BUILD)/completions/zonelint.fish: $(BUILD)/zonelint
	@mkdir -p $(dir $@)
	$(BUILD)/zonelint --completions=fish >$@

$(BUILD)/tests/%: tests/unit/%.c $(SAN_OBJ) $(BUILD)/libzonelint.a
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(CMOCKA_CFLAGS) $(LDFLAGS) -o $@ $< $(SAN_OBJ) $(BUILD)/libzonelint.a $(LDLIBS) $(CMOCKA_LIBS)

# The RR-type mnemonic lookup: a perfect hash over src/rdata/types.def,
# found by tools/gentypes.c (built without sanitizers: it only runs here).
$(BUILD)/gen/types_hash.h: tools/gentypes.c src/rdata/types.def src/rdata/type_hash.h
	@mkdir -p $(dir $@)
	$(CC) $(filter-out $(SANFLAGS),$(ALLCFLAGS)) -o $(BUILD)/gentypes tools/gentypes.c
	$(BUILD)/gentypes > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/src/rdata/types.o: $(BUILD)/gen/types_hash.h

$(VERIFY_SILENT): tests/verify/silent.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $<

# Real name servers on 127.0.0.x (NSD, else Knot): tests/verify/README.md
verify-test: deps $(BUILD)/zonelint $(VERIFY_SILENT)
	@ZONELINT=$(BUILD)/zonelint SILENT=$(VERIFY_SILENT) sh tests/verify/run.sh

$(BUILD)/genzone: tools/genzone.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $<

$(BUILD):
	@mkdir -p $(BUILD)

unit: deps $(TEST_BINS)
	@sh tests/run-unit.sh $(TEST_BINS)

cli: deps $(BUILD)/zonelint
	@ZONELINT=$(BUILD)/zonelint sh tests/cli/run.sh

check: deps $(BUILD)/zonelint $(TEST_BINS) $(BUILD)/fuzz-replay $(BUILD)/zonelint.1 completions \
       $(BUILD)/gh-check docs-check $(VERIFY_SILENT)
	@sh tests/layers.sh
	@sh tests/spdx.sh
	@ZL_SARIF_SAMPLE=$(BUILD)/report-sample.sarif sh tests/run-unit.sh $(TEST_BINS)
	@ZONELINT=$(BUILD)/zonelint sh tests/cli/run.sh
	@ZONELINT=$(BUILD)/zonelint SILENT=$(VERIFY_SILENT) sh tests/verify/run.sh
	@ZONELINT=$(BUILD)/zonelint sh tests/bad-input/run.sh
	@ZONELINT=$(BUILD)/zonelint sh tests/corpus/score.sh --quiet --max-fa-per-1k=1 --max-missed=0 tests/corpus
	@ZONELINT=$(BUILD)/zonelint BUILD=$(BUILD) sh tests/sarif/run.sh
	@$(BUILD)/fuzz-replay tests/fuzz/regressions
	@BUILD=$(BUILD) sh tests/docs/run.sh
	@ZONELINT=$(BUILD)/zonelint BUILD=$(BUILD) sh tests/man/run.sh
	@ZONELINT=$(BUILD)/zonelint BUILD=$(BUILD) sh tests/completions/run.sh
	@ZONELINT=$(BUILD)/zonelint BUILD=$(BUILD) sh tests/release/run.sh
	@ZONELINT=$(BUILD)/zonelint BUILD=$(BUILD) sh tests/github/run.sh
	@$(if $(filter 1,$(SANITIZE)),echo "precommit: skipped in the SANITIZE build (the hook builds its own zonelint)",\
	  $(if $(filter 0,$(CHECK_PRECOMMIT)),echo "precommit: skipped (CHECK_PRECOMMIT=0)",\
	  sh tests/precommit/run.sh))

CHECK_PRECOMMIT ?= 1

# What .ci/run adds (each builds zonelint again, from a copy of the tree):
# make dist and a build of the tarball without git, the GitHub Action's steps
# from a cold cache. tests/dist/deb.sh (the Debian package) needs root.
check-integration: deps $(BUILD)/zonelint $(BUILD)/gh-check
	@BUILD=$(BUILD) sh tests/dist/tarball.sh
	@ZONELINT=$(BUILD)/zonelint BUILD=$(BUILD) ZL_ACTION_COLD=1 sh tests/github/run.sh

# tests/github/: action.yml and the problem matcher, read with libyaml and jansson.
$(BUILD)/gh-check: tests/github/gh-check.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS)

# Precision on realistic repositories (tests/corpus/README.md): prints the
# table of true positives, misses and false alarms against the hand-made
# labels. Not part of check yet: it fails until the issue 9 rules land.
corpus: deps $(BUILD)/zonelint
	@ZONELINT=$(BUILD)/zonelint sh tests/corpus/score.sh --max-fa-per-1k=1 --max-missed=0 tests/corpus

# ---- fuzzing (tests/fuzz/README.md) -------------------------------------------
FUZZ_SRCS := tests/fuzz/fuzz_zone.c tests/fuzz/fuzz_format.c tests/fuzz/fuzz_files.c tests/fuzz/fuzz_util.c \
             tests/fuzz/fuzz_terraform.c tests/fuzz/fuzz_yblock.c

# The targets' entry points without libFuzzer: replays every input that once
# crashed (tests/fuzz/regressions/<target>/), in every build (plain,
# SANITIZE=1, valgrind in .ci/run).
$(BUILD)/fuzz-replay: tests/fuzz/replay.c $(FUZZ_SRCS) tests/fuzz/fuzz.h $(SAN_OBJ) $(BUILD)/libzonelint.a
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -I tests/fuzz $(LDFLAGS) -o $@ tests/fuzz/replay.c $(FUZZ_SRCS) \
	    $(SAN_OBJ) $(BUILD)/libzonelint.a $(LDLIBS)

fuzz-regress: deps $(BUILD)/fuzz-replay
	@$(BUILD)/fuzz-replay tests/fuzz/regressions

# make fuzz [FUZZ_TARGET=zone|route53|octodns|gcloud|r53change|cloudformation|sesid|delegation|
#            terraform|tfjson|config|octodns_config|senders|yblock]
#           [FUZZ_TIME=seconds] [FUZZ_JOBS=n (fork mode)] [FUZZ_ARGS=...]
# builds the libFuzzer targets with clang in build/fuzz and runs one, seeded
# from tests/, examples/ and the conformance corpus, with its dictionary;
# its corpus grows in build/fuzz/corpus-TARGET, crashes land in
# build/fuzz/artifacts/.
FUZZ_CC      ?= clang
FUZZ_BUILD   := build/fuzz
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer
FUZZ_TARGETS := zone route53 octodns gcloud r53change cloudformation sesid delegation terraform tfjson \
                config octodns_config senders yblock
FUZZ_TARGET  ?= zone
FUZZ_TIME    ?= 60
FUZZ_JOBS    ?= 1
FUZZ_ARGS    ?=
# zone.dict: master-file tokens; exports.dict: JSON/YAML syntax and the exports' keys;
# hcl.dict: HCL syntax and Terraform's DNS resources;
# tests/fuzz/TARGET.dict, when there is one, adds the target's own words.
FUZZ_DICT     = $(FUZZ_BUILD)/$(FUZZ_TARGET).dict
FUZZ_DICT_SRC = tests/fuzz/$(if $(filter zone delegation,$(FUZZ_TARGET)),zone,$(if \
                $(filter config,$(FUZZ_TARGET)),config,$(if $(filter terraform,$(FUZZ_TARGET)),hcl,exports))).dict \
                $(filter-out tests/fuzz/config.dict tests/fuzz/hcl.dict,$(wildcard tests/fuzz/$(FUZZ_TARGET).dict))
# The committed, minimised corpus (tests/fuzz/corpus/TARGET): seeds every run.
FUZZ_KEEP     = tests/fuzz/corpus/$(FUZZ_TARGET)

# ASan keeps no allocation stacks while fuzzing (a quarter of the time goes
# into them); replay a finding with build/fuzz-replay or a plain run for them.
FUZZ_ASAN    ?= malloc_context_size=0
FUZZ_RUN      = ASAN_OPTIONS=$(FUZZ_ASAN)$${ASAN_OPTIONS:+:$$ASAN_OPTIONS} \
                $(FUZZ_BUILD)/fuzz_$(FUZZ_TARGET) -dict=$(FUZZ_DICT) -max_len=65536 \
                -timeout=5 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_BUILD)/artifacts/$(FUZZ_TARGET)-
FUZZ_DIRS     = $(FUZZ_BUILD)/corpus-$(FUZZ_TARGET) $(wildcard $(FUZZ_KEEP)) $(FUZZ_BUILD)/seed-$(FUZZ_TARGET)

fuzz: fuzz-build
	$(FUZZ_RUN) -max_total_time=$(FUZZ_TIME) $(if $(filter-out 1,$(FUZZ_JOBS)),-fork=$(FUZZ_JOBS)) \
	    $(FUZZ_ARGS) $(FUZZ_DIRS)

# make fuzz-campaign FUZZ_TARGET=... [FUZZ_MIN_RUNS=n] [FUZZ_PLATEAU=n]: runs
# the target in rounds of FUZZ_PLATEAU executions until it has made at least
# FUZZ_MIN_RUNS and a whole round found no new coverage feature; stops at the
# first crash, leak or timeout (tests/fuzz/campaign, README.md).
FUZZ_MIN_RUNS ?= 2000000
FUZZ_PLATEAU  ?= 2000000
fuzz-campaign: fuzz-build
	@FUZZ_RUN='$(FUZZ_RUN) $(FUZZ_ARGS)' sh tests/fuzz/campaign $(FUZZ_TARGET) $(FUZZ_MIN_RUNS) \
	    $(FUZZ_PLATEAU) $(FUZZ_BUILD)/campaign-$(FUZZ_TARGET) $(FUZZ_DIRS)

# make fuzz-merge FUZZ_TARGET=...: replaces tests/fuzz/corpus/TARGET by the
# smallest set of inputs with the same edges as it and the grown corpus
# (-merge=1 counting edges, not hit counts, so that it stays small); inputs
# above 16 KiB, or holding a stretch of a conformance file (which may not
# be copied into the repository), are left out (tests/fuzz/corpus-filter).
# FUZZ_KEEP_MAX: the largest input kept, in bytes (default 16384).
FUZZ_KEEP_MAX ?= 16384
fuzz-merge: fuzz-build
	@rm -rf $(FUZZ_BUILD)/merge-$(FUZZ_TARGET) && mkdir -p $(FUZZ_BUILD)/merge-$(FUZZ_TARGET)
	@CORPUS_MAX_SIZE=$(FUZZ_KEEP_MAX) python3 tests/fuzz/corpus-filter $(FUZZ_BUILD)/filtered-$(FUZZ_TARGET) \
	    $(wildcard $(FUZZ_KEEP)) $(FUZZ_BUILD)/corpus-$(FUZZ_TARGET)
	$(FUZZ_RUN) -merge=1 -use_counters=0 $(FUZZ_BUILD)/merge-$(FUZZ_TARGET) \
	    $(FUZZ_BUILD)/filtered-$(FUZZ_TARGET)
	@rm -rf $(FUZZ_KEEP) && mkdir -p $(FUZZ_KEEP) && cp $(FUZZ_BUILD)/merge-$(FUZZ_TARGET)/* $(FUZZ_KEEP)/
	@echo "fuzz-merge: $(FUZZ_KEEP): $$(ls $(FUZZ_KEEP) | wc -l) inputs, $$(du -sk $(FUZZ_KEEP) | cut -f1) KiB"

# make fuzz-bind [BIND_CASES=200000] [BIND_SEED=1]: differential fuzzing of
# `zonelint print` against named-checkzone (tests/fuzz/bind-diff); on
# demand, not in check: it runs for hours. Report in build/fuzz/bind-diff/.
BIND_CASES ?= 200000
BIND_SEED  ?= 1
fuzz-bind: deps $(BUILD)/zonelint
	@python3 tests/fuzz/bind-diff -n $(BIND_CASES) --seed $(BIND_SEED) --zonelint $(BUILD)/zonelint \
	    --out $(BUILD)/fuzz/bind-diff

fuzz-build:
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
	    OPT='-O2 -g' $(patsubst %,$(FUZZ_BUILD)/fuzz_%,$(FUZZ_TARGETS))
	@sh tests/fuzz/corpus-seed $(FUZZ_TARGET) $(FUZZ_BUILD)/seed-$(FUZZ_TARGET)
	@mkdir -p $(FUZZ_BUILD)/corpus-$(FUZZ_TARGET) $(FUZZ_BUILD)/artifacts
	@cat $(FUZZ_DICT_SRC) >$(FUZZ_DICT)

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

install: $(BUILD)/zonelint $(BUILD)/zonelint.1 completions
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BUILD)/zonelint $(DESTDIR)$(BINDIR)/zonelint
	install -m 644 $(BUILD)/zonelint.1 $(DESTDIR)$(MANDIR)/man1/zonelint.1
	install -m 644 $(BUILD)/completions/zonelint.bash $(DESTDIR)$(BASHCOMPDIR)/zonelint
	install -m 644 $(BUILD)/completions/_zonelint $(DESTDIR)$(ZSHCOMPDIR)/_zonelint
	install -m 644 $(BUILD)/completions/zonelint.fish $(DESTDIR)$(FISHCOMPDIR)/zonelint.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/zonelint $(DESTDIR)$(MANDIR)/man1/zonelint.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/zonelint $(DESTDIR)$(ZSHCOMPDIR)/_zonelint \
	    $(DESTDIR)$(FISHCOMPDIR)/zonelint.fish

# make dist: zonelint-VERSION.tar.gz with the files git tracks (as they are in
# the working tree), the git describe of the tree in .git-describe, and rule
# pages checked against the registry first. It builds with make, without git.
DIST := zonelint-$(VERSION)
dist: docs-check
	@[ "$$(git rev-parse --show-toplevel 2>/dev/null)" -ef . ] 2>/dev/null || { \
	    echo "make dist: needs a git checkout (it packs the files git tracks)"; exit 2; }
	@rm -rf $(BUILD)/dist && mkdir -p $(BUILD)/dist/$(DIST)
	@git ls-files -z | tar --null -T - -cf - | tar -xf - -C $(BUILD)/dist/$(DIST)
	@echo '$(GIT_DESCRIBE)' >$(BUILD)/dist/$(DIST)/.git-describe
	@tar -C $(BUILD)/dist --sort=name --owner=0 --group=0 --numeric-owner \
	    --mtime=@$$(git log -1 --format=%ct) -cf - $(DIST) | gzip -n -9 >$(DIST).tar.gz
	@echo "make dist: $(DIST).tar.gz ($(GIT_DESCRIBE))"

clean:
	rm -rf build

# make print-VAR prints a variable (tests/release/run.sh reads PKGS).
print-%:
	@echo '$($*)'

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
