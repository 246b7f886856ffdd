import { describeAccessibilityWalk } from './accessibility-walk';

describeAccessibilityWalk({ name: 'phone', width: 390, height: 844 });
