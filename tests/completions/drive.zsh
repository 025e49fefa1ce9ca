# zsh -f drive.zsh COMPDIR: types command lines into an interactive zsh (zpty)
# with the completion in COMPDIR loaded, presses TAB twice on each, and
# prints "ok"/"FAIL <line>" per line depending on whether the listing shows
# the expected candidates. Waits at most ~10 s per line.
zmodload zsh/zpty || { print "FAIL zsh/zpty module missing"; exit 1 }
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D; zstyle ':completion:*' list-prompt ''"
expect() { # LINE PATTERN...: all patterns must show up
    local line=$1 buf= chunk i p missing; shift
    zpty -w -n z $'\C-u'"$line"$'\t\t'
    for (( i = 0; i < 50; i++ )); do
        while zpty -r -t z chunk; do buf+=$chunk; done
        missing=0
        for p in "$@"; do [[ $buf == *$p* ]] || missing=1; done
        (( missing )) || break
        sleep 0.2
    done
    if (( missing )); then print -r -- "FAIL $line"; else print -r -- "ok $line"; fi
}
expect 'zonelint --format=g' gcc github
expect 'zonelint explain ZL310' ZL3101 ZL3104 ZL3109
expect 'zonelint --select=ZL2101,name-d' 'oubled-origin'
expect 'zonelint ' check explain example.com.zone
zpty -d z
