"""The Qt screens: views lay out widgets, controllers connect them to the services."""
