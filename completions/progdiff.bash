# bash completion for progdiff(1)                          -*- shell-script -*-
# SPDX-License-Identifier: MIT
#
# Needs bash-completion (2.x). Nothing here names a command or an option:
# they come from `progdiff __options` (the program's own option tables,
# see cmd/cmd_options.c), and the labels of stored versions from the first
# fields of `progdiff list --porcelain`, so a new option or version is
# completed as soon as the program has it. Installed as
# $(DATADIR)/bash-completion/completions/progdiff.

# _progdiff_stored FIELD [REPO [PROGRAMME]]: field 1 (programme) or 2
# (label) of every stored version, from the store REPO or the current one.
_progdiff_stored()
{
    local -a args=(list --porcelain)
    [[ -n ${2-} ]] && args+=(--repo "$2")
    [[ -n ${3-} ]] && args+=(--programme "$3")
    local programme label rest
    command progdiff "${args[@]}" 2>/dev/null |
        while IFS=$'\t' read -r programme label rest; do
            if [[ $1 == 1 ]]; then
                printf '%s\n' "$programme"
            else
                printf '%s\n' "$label"
            fi
        done | sort -u
}

# _progdiff_complete KIND CHOICES: complete $cur as a value of that kind
# (the kinds of `progdiff __options`).
_progdiff_complete()
{
    local IFS=$'\n'
    case $1 in
    word)
        # the choices are blank-separated, compgen's output is one a
        # line: split both at newlines only
        COMPREPLY+=($(compgen -W "${2// /$'\n'}" -- "$cur"))
        ;;
    file)
        _filedir
        ;;
    dir)
        _filedir -d
        ;;
    version)
        _filedir
        COMPREPLY+=($(compgen -W "$(_progdiff_stored 2 "$repo" \
            "$programme")" -- "$cur"))
        ;;
    label)
        COMPREPLY+=($(compgen -W "$(_progdiff_stored 2 "$repo" \
            "$programme")" -- "$cur"))
        ;;
    programme)
        COMPREPLY+=($(compgen -W "$(_progdiff_stored 1 "$repo")" -- "$cur"))
        ;;
    command)
        COMPREPLY+=($(compgen -W "$commands" -- "$cur"))
        ;;
    esac
}

_progdiff()
{
    local cur prev words cword split
    _init_completion -s || return

    local commands type name short metavar kind choices help
    commands=$(command progdiff __options 2>/dev/null |
        while IFS=$'\t' read -r name help; do printf '%s\n' "$name"; done)
    [[ -n $commands ]] || return

    # the command: a first word that names one, else the diff
    local cmd=diff start=1
    if ((cword > 1)) && [[ $'\n'$commands$'\n' == *$'\n'${words[1]}$'\n'* ]]
    then
        cmd=${words[1]}
        start=2
    fi

    # its options and arguments
    local -A kinds=() takes=() words_of=()
    local -a options=() args=()
    while IFS=$'\t' read -r type name short metavar kind choices help; do
        [[ $choices == - ]] && choices=
        case $type in
        arg)
            args+=("$kind")
            words_of[arg${#args[@]}]=$choices
            ;;
        switch | value)
            if [[ $type == value ]]; then
                options+=("$name=")
                takes[$name]=1
                [[ $short != - ]] && takes[$short]=1
            else
                options+=("$name")
            fi
            kinds[$name]=$kind
            words_of[$name]=$choices
            if [[ $short != - ]]; then
                kinds[$short]=$kind
                words_of[$short]=$choices
            fi
            ;;
        esac
    done < <(command progdiff __options "$cmd" 2>/dev/null)

    # what comes before the word being completed: options, their values
    # (--repo and --programme matter to the labels), positionals, "--"
    local i w value_for= dashdash= npos=0 repo= programme= opt
    for ((i = start; i < cword; i++)); do
        w=${words[i]}
        if [[ -n $value_for ]]; then
            [[ $value_for == --repo ]] && repo=$w
            [[ $value_for == --programme ]] && programme=$w
            value_for=
        elif [[ -n $dashdash || $w == - || $w != -* ]]; then
            ((npos++))
        elif [[ $w == -- ]]; then
            dashdash=1
        elif [[ $w == --*=* ]]; then
            [[ ${w%%=*} == --repo ]] && repo=${w#*=}
            [[ ${w%%=*} == --programme ]] && programme=${w#*=}
        elif [[ $w == --* ]]; then
            [[ -n ${takes[$w]-} ]] && value_for=$w
        else
            # a cluster of short options; a value option takes the rest
            local j
            for ((j = 1; j < ${#w}; j++)); do
                opt=-${w:j:1}
                if [[ -n ${takes[$opt]-} ]]; then
                    ((j + 1 == ${#w})) && value_for=$opt
                    break
                fi
            done
        fi
    done

    # "~/store" as typed: the labels are read from the folder it names
    [[ -n $repo ]] && __expand_tilde_by_ref repo

    if [[ -n $value_for ]]; then
        _progdiff_complete "${kinds[$value_for]-none}" \
            "${words_of[$value_for]-}"
        return
    fi
    if [[ -z $dashdash && $split == true ]]; then
        _progdiff_complete "${kinds[$prev]-none}" "${words_of[$prev]-}"
        return
    fi
    if [[ -z $dashdash && $cur == -* ]]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -W "${options[*]}" -- "$cur"))
        [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]] &&
            compopt -o nospace
        return
    fi
    if ((npos < ${#args[@]})); then
        _progdiff_complete "${args[npos]}" "${words_of[arg$((npos + 1))]-}"
    fi
    if ((cword == 1)); then
        local IFS=$'\n'
        COMPREPLY+=($(compgen -W "$commands" -- "$cur"))
    fi
} &&
    complete -F _progdiff progdiff

# ex: filetype=sh
