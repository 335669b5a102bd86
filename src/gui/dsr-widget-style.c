/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-widget-style"

#include "config.h"

#include <adwaita.h>

#include "dsr-widget-style.h"

/* The chart and map widgets draw with the window's theme: dark when
 * libadwaita is dark, the widget's text colour, the window's background
 * (which they do not paint: the render is transparent), and type scaled up
 * by @font_scale (presentation mode). */
DsrRenderStyle *
dsr_widget_style_new (GtkWidget *widget,
                      double     font_scale,
                      int        width,
                      int        height)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  DsrRenderStyle *style = dsr_render_style_new (dark ? DSR_SCHEME_DARK : DSR_SCHEME_LIGHT);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, bg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  style->foreground = (DsrRgba) { fg.red, fg.green, fg.blue, fg.alpha };
  if (gtk_style_context_lookup_color (context, "window_bg_color", &bg))
    style->background = (DsrRgba) { bg.red, bg.green, bg.blue, 1.0 };
  G_GNUC_END_IGNORE_DEPRECATIONS
  style->transparent = TRUE;
  if (font_scale != 1.0)
    style->font_size = dsr_render_style_get_font_size (style, width, height) * font_scale;
  return style;
}
