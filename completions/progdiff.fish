# fish completion for progdiff(1)
# SPDX-License-Identifier: MIT
#
# Nothing here names a command or an option: they come from
# `progdiff __options` (the program's own option tables, see
# cmd/cmd_options.c), and the labels of stored versions from the first
# fields of `progdiff list --porcelain`, so a new option or version is
# completed as soon as the program has it. Installed as
# $(DATADIR)/fish/vendor_completions.d/progdiff.fish.

# __progdiff_stored FIELD REPO PROGRAMME: field 1 (programme) or 2 (label)
# of every stored version; REPO and PROGRAMME may be empty.
function __progdiff_stored --argument-names field repo programme
    set -l args list --porcelain
    test -n "$repo"; and set -a args --repo $repo
    test -n "$programme"; and set -a args --programme $programme
    command progdiff $args 2>/dev/null | string split -f $field \t | sort -u
end

# __progdiff_value KIND CHOICES PREFIX TOKEN REPO PROGRAMME: the values of
# that kind (the kinds of `progdiff __options`) that complete TOKEN, each
# written after PREFIX ("--format=" when completing in the option's word).
function __progdiff_value --argument-names kind choices prefix token repo programme
    switch $kind
        case word
            for w in (string split ' ' -- $choices)
                printf '%s%s\n' $prefix $w
            end
        case file
            __fish_complete_path $token | string replace -r '^' -- $prefix
        case dir
            __fish_complete_directories $token | string replace -r '^' -- $prefix
        case version
            for l in (__progdiff_stored 2 "$repo" "$programme")
                printf '%s%s\tstored version\n' $prefix $l
            end
            __fish_complete_path $token | string replace -r '^' -- $prefix
        case label
            for l in (__progdiff_stored 2 "$repo" "$programme")
                printf '%s%s\tstored version\n' $prefix $l
            end
        case programme
            for p in (__progdiff_stored 1 "$repo" "")
                printf '%s%s\tprogramme\n' $prefix $p
            end
        case command
            command progdiff __options 2>/dev/null | string replace -r '^' -- $prefix
    end
end

function __progdiff_complete
    set -l tokens (commandline -opc)
    set -l token (commandline -ct)
    set -l commands (command progdiff __options 2>/dev/null)
    test (count $commands) -gt 0; or return
    set -l names (string split -f 1 \t -- $commands)

    # the command: a first word that names one, else the diff
    set -l cmd diff
    set -l start 2
    if test (count $tokens) -ge 2; and contains -- $tokens[2] $names
        set cmd $tokens[2]
        set start 3
    end

    # its options and arguments, as parallel lists
    set -l o_name
    set -l o_short
    set -l o_type
    set -l o_kind
    set -l o_choices
    set -l o_help
    set -l a_kind
    set -l a_choices
    for line in (command progdiff __options $cmd 2>/dev/null)
        set -l f (string split \t -- $line)
        test "$f[6]" = -; and set f[6] ''
        if test "$f[1]" = arg
            set -a a_kind $f[5]
            set -a a_choices $f[6]
        else
            set -a o_name $f[2]
            set -a o_short $f[3]
            set -a o_type $f[1]
            set -a o_kind $f[5]
            set -a o_choices $f[6]
            set -a o_help $f[7]
        end
    end

    # what comes before the token being completed: options, their values
    # (--repo and --programme matter to the labels), positionals, "--"
    set -l value_for 0
    set -l dashdash 0
    set -l npos 0
    set -l repo ''
    set -l programme ''
    for w in $tokens[$start..-1]
        if test (count $tokens) -lt $start
            break
        end
        if test $value_for -gt 0
            test "$o_name[$value_for]" = --repo; and set repo $w
            test "$o_name[$value_for]" = --programme; and set programme $w
            set value_for 0
        else if test $dashdash = 1; or test "$w" = -; or not string match -q -- '-*' $w
            set npos (math $npos + 1)
        else if test "$w" = --
            set dashdash 1
        else if string match -q -- '--*=*' $w
            set -l n (string split -m 1 = -- $w)
            test "$n[1]" = --repo; and set repo $n[2]
            test "$n[1]" = --programme; and set programme $n[2]
        else if string match -q -- '--*' $w
            set -l i (contains -i -- $w $o_name)
            and test "$o_type[$i]" = value
            and set value_for $i
        else
            # a cluster of short options; a value option takes the rest
            set -l chars (string split '' -- (string sub -s 2 -- $w))
            for j in (seq (count $chars))
                set -l i (contains -i -- -$chars[$j] $o_short)
                if test -n "$i"; and test "$o_type[$i]" = value
                    test $j -eq (count $chars); and set value_for $i
                    break
                end
            end
        end
    end

    # "~/store" as typed: the labels are read from the folder it names
    set repo (string replace -r '^~(?=/|$)' -- $HOME $repo)

    if test $value_for -gt 0
        __progdiff_value $o_kind[$value_for] "$o_choices[$value_for]" '' \
            $token "$repo" "$programme"
        return
    end
    if test $dashdash = 0; and string match -q -- '--*=*' $token
        set -l n (string split -m 1 = -- $token)
        set -l i (contains -i -- $n[1] $o_name)
        test -n "$i"; or return
        __progdiff_value $o_kind[$i] "$o_choices[$i]" "$n[1]=" "$n[2]" \
            "$repo" "$programme"
        return
    end
    if test $dashdash = 0; and string match -q -- '-*' $token
        for i in (seq (count $o_name))
            printf '%s\t%s\n' $o_name[$i] $o_help[$i]
            test "$o_short[$i]" != -
            and printf '%s\t%s\n' $o_short[$i] $o_help[$i]
        end
        return
    end
    if test $npos -lt (count $a_kind)
        set -l k (math $npos + 1)
        __progdiff_value $a_kind[$k] "$a_choices[$k]" '' $token "$repo" \
            "$programme"
    end
    if test (count $tokens) -eq 1
        printf '%s\n' $commands
    end
end

complete -c progdiff -f -a '(__progdiff_complete)'
