import { describeAccessibilityWalk } from './accessibility-walk';

describeAccessibilityWalk({ name: 'laptop', width: 1280, height: 900 });
