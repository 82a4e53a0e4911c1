/* SPDX-License-Identifier: MIT */
#include "render.h"
int pd_render__docx(pd_buf *out, const pd_changes *changes,
                    const pd_render_options *opts)
{
	return pd_error_set(PD_ERROR, "docx not yet");
}
