"""Map widgets: canvas, renderer, tools and side panels."""
