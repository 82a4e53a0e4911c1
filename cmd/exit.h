/* SPDX-License-Identifier: MIT */
/* exit.h: exit statuses, as diff(1) has them. */
#ifndef CMD_EXIT_H
#define CMD_EXIT_H

enum cmd_exit {
	PD_EXIT_SAME = 0,      /* no changes, no violations */
	PD_EXIT_CHANGES = 1,   /* changes found, or rules broken */
	PD_EXIT_TROUBLE = 2    /* bad usage, bad input, I/O, store errors */
};

#endif
