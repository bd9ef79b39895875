"""The look: themes with the style sheet, plot styling, run colours, tab-label fitting."""
